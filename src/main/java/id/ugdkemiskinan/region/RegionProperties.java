package id.ugdkemiskinan.region;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which kabupaten/kota this instance serves ({@code ugd.kabupaten-code}); the default is
 * in {@code application.properties}. A code of the right shape that the Kemendagri list
 * does not know stops the start in {@link RegionConfiguration}.
 *
 * @param kabupatenCode the Kemendagri code, e.g. {@code 35.10} for Kabupaten Banyuwangi
 */
@Validated
@ConfigurationProperties("ugd")
public record RegionProperties(@NotNull @Pattern(regexp = "[0-9]{2}\\.[0-9]{2}",
		message = "must be two pairs of digits such as 35.10 (Kabupaten Banyuwangi), see regions/wilayah.csv") String kabupatenCode) {

	public RegionProperties {
		kabupatenCode = kabupatenCode == null ? null : kabupatenCode.trim();
	}

}
