package id.ugdkemiskinan.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's own embedded database: durable, kept across restarts, and it survives a kill
 * -9 of the app.
 */
class EmbeddedPostgresTests {

	@TempDir
	Path dataDir;

	private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

	@Test
	void runsWithFsyncAndSynchronousCommitOn() throws Exception {
		try (EmbeddedPostgres postgres = start()) {
			assertThat(query(postgres, "SHOW fsync")).isEqualTo("on");
			assertThat(query(postgres, "SHOW synchronous_commit")).isEqualTo("on");
			assertThat(query(postgres, "SHOW full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void keepsItsDataAcrossAStopAndStart() throws Exception {
		try (EmbeddedPostgres postgres = start()) {
			execute(postgres, "CREATE TABLE complaint (id int); INSERT INTO complaint VALUES (42)");
		}
		try (EmbeddedPostgres postgres = start()) {
			assertThat(query(postgres, "SELECT id FROM complaint")).isEqualTo("42");
		}
	}

	@Test
	void takesOverFromAnOrphanedServerLeftByAKilledApp() throws Exception {
		// The first "app" dies without closing its server: the server keeps running and
		// holds postmaster.pid.
		EmbeddedPostgres orphan = start();
		execute(orphan, "CREATE TABLE complaint (id int); INSERT INTO complaint VALUES (7)");
		long orphanPid = Long
			.parseLong(java.nio.file.Files.readAllLines(this.dataDir.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
		releaseFileLockAsADeadJvmWould(orphan);

		try (EmbeddedPostgres restarted = start()) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(query(restarted, "SELECT id FROM complaint")).isEqualTo("7");
		}
	}

	@Test
	void ignoresAStalePidFileWhoseServerIsGone() throws Exception {
		try (EmbeddedPostgres postgres = start()) {
			execute(postgres, "CREATE TABLE complaint (id int); INSERT INTO complaint VALUES (9)");
		}
		java.nio.file.Files.writeString(this.dataDir.resolve("postmaster.pid"), "999999\n" + this.dataDir + "\n");

		try (EmbeddedPostgres postgres = start()) {
			assertThat(query(postgres, "SELECT id FROM complaint")).isEqualTo("9");
		}
	}

	/**
	 * The operating system drops a killed JVM's file locks; here the JVM lives on, so
	 * drop it by hand.
	 */
	private static void releaseFileLockAsADeadJvmWould(EmbeddedPostgres postgres) throws Exception {
		java.lang.reflect.Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
		lock.setAccessible(true);
		((java.nio.channels.FileLock) lock.get(postgres)).release();
	}

	private EmbeddedPostgres start() throws Exception {
		return this.configuration.embeddedPostgres(new EmbeddedPostgresProperties(true, this.dataDir, 0));
	}

	private static String query(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
