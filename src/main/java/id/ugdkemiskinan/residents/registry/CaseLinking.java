package id.ugdkemiskinan.residents.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import id.ugdkemiskinan.cases.AssignmentResolved;
import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.common.TimeProperties;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Keeps the registry with the cases, in the case's own transaction (both or neither): a
 * filed case's beneficiary becomes (or is matched to) a person — on NIK; without NIK a
 * person of their own, a possible match being the operator's to confirm on the person
 * page, never merged here — and a resolved assignment becomes what the household
 * received.
 */
@Component
class CaseLinking {

	private final JdbcClient jdbc;

	private final RegistryWriter writer;

	private final Clock clock;

	private final TimeProperties time;

	CaseLinking(JdbcClient jdbc, RegistryWriter writer, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.clock = clock;
		this.time = time;
	}

	private record Beneficiary(String nik, String nikUnknownReason, String kk, String name, String phone,
			String desaCode, String address) {
	}

	@EventListener
	@Transactional
	void on(CaseFiled filed) {
		Beneficiary b = this.jdbc.sql("""
				SELECT nik, nik_unknown_reason, kk, beneficiary_name, beneficiary_phone, desa_code, address
				FROM case_file WHERE id = :id""")
			.param("id", filed.caseId())
			.query((rs, n) -> new Beneficiary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.single();
		long household;
		Optional<Long> known = Optional.empty();
		if (b.kk() == null && b.nik() != null) {
			// Without a KK on the case, a known person stays in their household.
			known = this.jdbc.sql("SELECT household_id FROM person WHERE nik = :nik")
				.param("nik", b.nik())
				.query(Long.class)
				.optional();
		}
		household = known.orElseGet(() -> this.writer.household(b.kk(), b.desaCode(), b.address()));
		long person = this.writer.person(b.nik(), b.nikUnknownReason(), b.name(), b.phone(), b.desaCode(), b.address(),
				household);
		this.jdbc.sql("""
				INSERT INTO person_case (case_id, person_id, linked_by, linked_at)
				VALUES (:case, :person, :by, :now)""")
			.param("case", filed.caseId())
			.param("person", person)
			.param("by", (b.nik() != null) ? "NIK" : "BARU")
			.param("now", utc(this.clock.instant()))
			.update();
	}

	@EventListener
	@Transactional
	void on(AssignmentResolved resolved) {
		LocalDate day = LocalDate.ofInstant(resolved.occurredAt(), this.time.zone());
		record Added(long household, boolean correction) {
		}
		Optional<Added> added = this.jdbc.sql("""
				INSERT INTO intervention_received (household_id, person_id, intervention_code, provider_code,
				                                   received_on, case_id, assignment_id, recorded_at)
				SELECT p.household_id, p.id, i.code, i.provider_code, :day, pc.case_id, :assignment, :now
				FROM person_case pc
				JOIN person p ON p.id = pc.person_id
				JOIN intervention i ON i.code = :intervention
				WHERE pc.case_id = :case
				ON CONFLICT (assignment_id) DO NOTHING
				RETURNING household_id, (SELECT data_correction FROM intervention WHERE code = :intervention)""")
			.param("day", day)
			.param("assignment", resolved.assignmentId())
			.param("now", utc(this.clock.instant()))
			.param("intervention", resolved.intervention())
			.param("case", resolved.caseId())
			.query((rs, n) -> new Added(rs.getLong(1), rs.getBoolean(2)))
			.optional();
		// A data correction (an "usulan", "sanggah") is in the history but is no help.
		added.filter(a -> !a.correction()).ifPresent(a -> this.writer.helped(a.household(), day));
	}

}
