package id.ugdkemiskinan.agency;

import jakarta.persistence.Column;
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

	private String guidance;

	@Column(name = "question_1")
	private String question1;

	@Column(name = "question_2")
	private String question2;

	@Column(name = "question_3")
	private String question3;

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

	String getGuidance() {
		return this.guidance;
	}

	java.util.List<String> getQuestions() {
		return java.util.stream.Stream.of(this.question1, this.question2, this.question3)
			.filter(q -> q != null && !q.isBlank())
			.toList();
	}

	int getSortOrder() {
		return this.sortOrder;
	}

	boolean isActive() {
		return this.active;
	}

}
