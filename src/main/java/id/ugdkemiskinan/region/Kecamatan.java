package id.ugdkemiskinan.region;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "kecamatan")
class Kecamatan {

	@Id
	private String code;

	private String kabupatenCode;

	private String name;

	protected Kecamatan() {
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	String getKabupatenCode() {
		return this.kabupatenCode;
	}

}
