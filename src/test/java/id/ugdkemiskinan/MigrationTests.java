package id.ugdkemiskinan;

import id.ugdkemiskinan.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MigrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migrationsApplyOnRealPostgresql() {
		assertThat(this.jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
			.isPositive();
	}

	@Test
	void referenceDataHoldsTheDinasCategoriesAndDefaultRoutes() {
		assertThat(this.jdbc.sql("SELECT code FROM dinas ORDER BY code").query(String.class).list())
			.containsExactly("BPMD", "DINDIK", "DINKES", "DINSOS", "KESRA");
		assertThat(this.jdbc.sql("SELECT code FROM dinas WHERE secretariat").query(String.class).list())
			.containsExactly("KESRA");
		assertThat(this.jdbc.sql("SELECT category_code || '->' || dinas_code FROM routing_rule ORDER BY 1")
			.query(String.class)
			.list()).containsExactly("BANTUAN_SOSIAL->DINSOS", "EKONOMI_PEKERJAAN->BPMD", "KESEHATAN->DINKES",
					"LAINNYA->KESRA", "PENDIDIKAN->DINDIK", "RUMAH_TIDAK_LAYAK_HUNI->BPMD");
	}

	@Test
	void anOperatorWithoutKecamatanIsRefusedByTheDatabase() {
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO app_user (username, full_name, password_hash, role, created_at)
				VALUES ('no.scope', 'No Scope', 'x', 'OPERATOR_UPT', now())""").update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("app_user_operator_scope");
	}

}
