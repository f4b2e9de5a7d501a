package id.ugdkemiskinan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(UgdApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.forEach(System.out::println);
		modules.verify();
	}

}
