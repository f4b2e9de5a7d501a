package id.ugdkemiskinan.region;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "desa")
class Desa {

	@Id
	private String code;

	private String kecamatanCode;

	private String name;

	@Enumerated(EnumType.STRING)
	private DesaKind kind;

	protected Desa() {
	}

	String getCode() {
		return this.code;
	}

	String getKecamatanCode() {
		return this.kecamatanCode;
	}

	String getName() {
		return this.name;
	}

	DesaKind getKind() {
		return this.kind;
	}

}
