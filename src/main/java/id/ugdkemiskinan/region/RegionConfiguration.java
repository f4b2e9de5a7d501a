package id.ugdkemiskinan.region;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionConfiguration {

	/**
	 * Read once at start; an unknown {@code ugd.kabupaten-code} stops the start here,
	 * with a clear message.
	 */
	@Bean
	KabupatenRegions kabupatenRegions(RegionProperties properties) {
		return RegionCatalog.load(properties.kabupatenCode());
	}

	@Bean
	Kabupaten kabupaten(KabupatenRegions regions) {
		return regions.kabupaten();
	}

}
