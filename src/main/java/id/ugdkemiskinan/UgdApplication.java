package id.ugdkemiskinan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UgdApplication {

	public static void main(String[] args) {
		SpringApplication.run(UgdApplication.class, args);
	}

}
