package id.ugdkemiskinan.cases;

import org.jspecify.annotations.Nullable;

/**
 * What the registry of residents knows of the aid a beneficiary received (implemented by
 * the residents module): intake derives the flag "belum pernah dibantu" from it instead
 * of letting it be ticked by hand. Without an implementation no case gets the flag.
 */
public interface AidHistory {

	/**
	 * Whether no intervention is recorded, within the registry's period, for the person
	 * of this NIK or their household, or for the household of this KK (neither known:
	 * none is recorded).
	 */
	boolean neverHelped(@Nullable String nik, @Nullable String kk);

}
