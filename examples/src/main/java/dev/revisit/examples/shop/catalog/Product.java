package dev.revisit.examples.shop.catalog;

import java.math.BigDecimal;

/** A catalog entry. */
public record Product(long id, String name, BigDecimal price) {

    public String json() {
        // setScale: a product without a price fails here, as the shop's one broken row does
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"price\":" + price.setScale(2).toPlainString() + "}";
    }
}
