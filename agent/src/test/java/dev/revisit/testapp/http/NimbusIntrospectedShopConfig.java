package dev.revisit.testapp.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.introspection.NimbusOpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * {@code /opaque/**} with Nimbus' introspector (Spring Security 5.x and 6.x; 7.0 removed it) instead of Spring's:
 * the same endpoint, the same outcomes.
 */
@Configuration
public class NimbusIntrospectedShopConfig extends IntrospectedShopConfig {

    @Bean
    @Override
    OpaqueTokenIntrospector introspector() {
        return new NimbusOpaqueTokenIntrospector(SecuredShop.introspectionUri, "shop", "shop-secret");
    }
}
