package dev.revisit.testapp.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

/** {@code /opaque/**}: a resource server that checks opaque tokens with Spring's introspector over HTTP. */
@Configuration
public class IntrospectedShopConfig {

    @Bean
    @Order(0)
    SecurityFilterChain opaque(HttpSecurity http) throws Exception {
        return http.securityMatcher("/opaque/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.opaqueToken(t -> { }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    OpaqueTokenIntrospector introspector() {
        return new SpringOpaqueTokenIntrospector(SecuredShop.introspectionUri, "shop", "shop-secret");
    }
}
