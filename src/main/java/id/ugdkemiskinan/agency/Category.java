package id.ugdkemiskinan.agency;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "category")
class Category {

	@Id
	private String code;

	private String name;

	private String description;

	private int sortOrder;

	private boolean active;

	@Version
	private long version;

	protected Category() {
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	String getDescription() {
		return this.description;
	}

	int getSortOrder() {
		return this.sortOrder;
	}

	boolean isActive() {
		return this.active;
	}

}
