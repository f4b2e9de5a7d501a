package id.ugdkemiskinan.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of a case or an assignment beyond its events: enough to
 * tell someone outside the app about it (its ticket, kecamatan, categories, priority and
 * due time), never who the resident is. The delivery module uses it to fill its messages
 * and to drop a message about an assignment that has been answered meanwhile.
 */
public interface CaseFacts {

	/** The assignments that exist among the ids, in no particular order. */
	List<AssignmentFact> assignments(Collection<Long> assignmentIds);

	/** The cases that exist among the ids, in no particular order. */
	List<CaseFact> cases(Collection<Long> caseIds);

	/**
	 * The ids among those given whose assignment still waits for its first response (and
	 * so still needs a warning).
	 */
	List<Long> stillWaiting(Collection<Long> assignmentIds);

	/**
	 * What a message to the resident of the case may carry, if the resident agreed to
	 * updates (a consent not withdrawn): the consenting phone, the ticket, the access
	 * code as the resident reads it ({@code K7MQX-3PA9R}), and the assignments with their
	 * dinas and due times. Never the resident's name, NIK or address.
	 */
	Optional<ResidentContact> residentContact(long caseId);

	/**
	 * The consenting phone (E.164) of each case among the ids whose resident agreed to
	 * updates and has not withdrawn.
	 */
	Map<Long, String> consentingPhones(Collection<Long> caseIds);

	/**
	 * @param phone the consenting number, E.164
	 * @param accessCode formatted for reading ({@code K7MQX-3PA9R})
	 * @param assignments the case's assignments, oldest first
	 */
	record ResidentContact(long caseId, String ticket, String kecamatanCode, String phone, String accessCode,
			Instant filedAt, List<ResidentAssignment> assignments) {

		public ResidentContact {
			assignments = List.copyOf(assignments);
		}

	}

	/**
	 * @param dueInWorkingHours whether the due time counts a calendar's open hours only
	 * @param respondedAt its first response, if any
	 * @param status the assignment's status ({@code MENUNGGU_RESPON}, {@code DIRESPON},
	 * ...)
	 */
	record ResidentAssignment(long assignmentId, String dinasCode, String dinasName, Instant dueAt,
			boolean dueInWorkingHours, @Nullable Instant respondedAt, String status) {
	}

	/**
	 * @param kecamatanName the kecamatan's name
	 * @param priority {@code DARURAT}, {@code TINGGI} or {@code NORMAL}
	 * @param categoryCodes the case's categories, in the admin's order
	 * @param categoryNames their names, in the same order
	 */
	record CaseFact(long caseId, String ticket, String kecamatanCode, String kecamatanName, String priority,
			List<String> categoryCodes, List<String> categoryNames) {

		public CaseFact {
			categoryCodes = List.copyOf(categoryCodes);
			categoryNames = List.copyOf(categoryNames);
		}

	}

	/**
	 * @param dinasName the dinas's name
	 * @param secretariat whether the dinas is the secretariat (the assignment is its
	 * triage)
	 * @param dueInWorkingHours whether the due time counts a calendar's open hours only
	 * @param waiting whether it still waits for its first response
	 */
	record AssignmentFact(long assignmentId, String dinasCode, String dinasName, boolean secretariat, Instant dueAt,
			boolean dueInWorkingHours, boolean waiting, CaseFact kase) {
	}

}
