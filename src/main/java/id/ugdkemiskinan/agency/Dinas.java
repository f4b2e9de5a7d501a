package id.ugdkemiskinan.agency;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "dinas")
class Dinas {

	@Id
	private String code;

	private String name;

	private boolean secretariat;

	private boolean active;

	@Version
	private long version;

	protected Dinas() {
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	boolean isSecretariat() {
		return this.secretariat;
	}

	boolean isActive() {
		return this.active;
	}

}
