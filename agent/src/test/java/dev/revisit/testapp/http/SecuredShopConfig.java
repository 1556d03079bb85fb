package dev.revisit.testapp.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import javax.crypto.spec.SecretKeySpec;

/**
 * Spring MVC + Spring Security: {@code /api/**} is a JWT resource server (HS256, Nimbus),
 * everything else a BCrypt-backed form login with {@code /public/**} open. The decoder and
 * the encoder add a known sleep, so the test can hand-compute the auth share.
 */
@Configuration
@EnableWebMvc
@EnableWebSecurity
public class SecuredShopConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> { }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        // A matcher of its own, not requestMatchers("/public/**", "/raw/**"): with more than one servlet, Spring Security
        // 5.8 asks those patterns for the request's HttpServletMapping, which a Servlet 3.1 container (Jetty 9.4) lacks.
        return http.authorizeHttpRequests(a -> a.requestMatchers(request -> open(request.getRequestURI())).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> { })
                .csrf(c -> c.disable())
                .build();
    }

    private static boolean open(String path) {
        return path.startsWith("/public/") || path.startsWith("/raw/");
    }

    @Bean
    JwtDecoder jwtDecoder() {
        SecretKeySpec key = new SecretKeySpec(SecuredShop.JWT_SECRET, "HmacSHA256");
        return new SleepingJwtDecoder(NimbusJwtDecoder.withSecretKey(key).build(), SecuredShop.JWT_SLEEP_MS);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new SleepingPasswordEncoder(new BCryptPasswordEncoder(4), SecuredShop.HASH_SLEEP_MS);
    }

    @Bean
    UserDetailsService users(PasswordEncoder encoder) {
        // Hashed at start-up, outside any request: the agent must not count it.
        return new InMemoryUserDetailsManager(User.withUsername("alice").password(encoder.encode("wonderland")).roles("USER").build());
    }

    @Bean
    ShopController shopController() {
        return new ShopController();
    }
}
