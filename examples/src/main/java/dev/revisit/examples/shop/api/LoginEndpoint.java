package dev.revisit.examples.shop.api;

import com.sun.net.httpserver.HttpExchange;
import dev.revisit.examples.shop.auth.Accounts;
import dev.revisit.examples.shop.auth.Tokens;

/** {@code POST /v1/login {"user": …, "password": …}} → {@code {"token": …}}, or 401. */
final class LoginEndpoint extends Endpoint {

    private final Accounts accounts;
    private final Tokens tokens;

    LoginEndpoint(Accounts accounts, Tokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    Reply serve(HttpExchange exchange) throws Exception {
        require(exchange, "POST");
        Json login = Json.parse(body(exchange));
        String user = login.text("user");
        if (!accounts.check(user, login.text("password"))) {
            throw new BadRequest(401, "wrong user or password");
        }
        return new Reply(200, "{\"token\":" + Json.quote(tokens.issue(user)) + "}");
    }
}
