package dev.revisit.testapp.http;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.Callable;

/** Handlers with a known duration, a failing one, an async one. */
@RestController
public class ShopController {

    @GetMapping("/api/v1/orders/{id}")
    public String order(@PathVariable("id") String id) {
        SecuredShop.sleep(SecuredShop.HANDLER_SLEEP_MS);
        return "{\"order\":\"" + id + "\"}";
    }

    @GetMapping("/api/v2/orders/{id}")
    public String orderV2(@PathVariable("id") String id) {
        SecuredShop.sleep(SecuredShop.HANDLER_SLEEP_MS);
        return "{\"order\":\"" + id + "\",\"v\":2}";
    }

    @GetMapping("/api/v1/boom")
    public String boom() {
        throw new IllegalStateException("boom");
    }

    @GetMapping("/api/v1/later/{id}")
    public Callable<String> later(@PathVariable("id") String id) {
        return () -> {
            SecuredShop.sleep(SecuredShop.HANDLER_SLEEP_MS);
            return "{\"later\":\"" + id + "\"}";
        };
    }

    @GetMapping("/opaque/v1/things/{id}")
    public String thing(@PathVariable("id") String id) {
        SecuredShop.sleep(SecuredShop.HANDLER_SLEEP_MS);
        return "{\"thing\":\"" + id + "\"}";
    }

    @GetMapping("/public/hello")
    public String hello() {
        return "hello";
    }

    @GetMapping("/home")
    public String home() {
        return "home";
    }
}
