package dev.revisit.agent.instrumentation.kafka;

/** A consumer's {@code group.id}, read once from its own {@code groupMetadata()}; null without a group. */
final class GroupId {
    private GroupId() {}

    static String of(Object consumer) {
        try {
            Object metadata = consumer.getClass().getMethod("groupMetadata").invoke(consumer);
            return metadata.getClass().getMethod("groupId").invoke(metadata) instanceof String id && !id.isEmpty() ? id : null;
        } catch (Throwable noGroup) {
            return null; // assign()-only consumers have none: InvalidGroupIdException
        }
    }
}
