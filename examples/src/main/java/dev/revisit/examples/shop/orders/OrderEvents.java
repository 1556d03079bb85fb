package dev.revisit.examples.shop.orders;

/** Where confirmed orders are announced. */
public interface OrderEvents extends AutoCloseable {

    void confirmed(long orderId, String customer);

    /** One line for the operator: where events go, or why they do not. */
    String describe();

    @Override
    void close();

    /** No broker: events are dropped, and the decision that rests on the queue has no data. */
    static OrderEvents none(String why) {
        return new OrderEvents() {
            @Override
            public void confirmed(long orderId, String customer) {}

            @Override
            public String describe() {
                return "order events are not published: " + why;
            }

            @Override
            public void close() {}
        };
    }
}
