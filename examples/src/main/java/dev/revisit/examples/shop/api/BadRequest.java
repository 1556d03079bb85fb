package dev.revisit.examples.shop.api;

/** A request the API cannot serve as sent: answered with its status and message. */
final class BadRequest extends Exception {

    final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
