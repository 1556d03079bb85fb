package dev.revisit.testapp.http;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application that configured an observation registry: Spring Security then wraps every
 * filter of its chain in an observing decorator, which the agent must see through.
 */
@Configuration
public class ObservedShopConfig {

    @Bean
    ObservationRegistry observationRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true); // one handler: observations are not no-ops
        return registry;
    }
}
