package org.vnetlab.kernel.api;

import java.util.List;

/** What {@code decide} answers: the events to apply, or a rejection that changes nothing. */
public sealed interface Decision {

    record Accepted(List<Event> events) implements Decision {}

    /**
     * {@code message} is the kernel's own error message (jail's errmsg, for instance) or null,
     * in which case userland prints {@code errno.text}.
     */
    record Rejected(Errno errno, String message) implements Decision {
        public String text() {
            return message != null ? message : errno.text;
        }
    }

    static Decision accept(Event... events) {
        return new Accepted(List.of(events));
    }

    static Decision accept(List<Event> events) {
        return new Accepted(List.copyOf(events));
    }

    static Decision reject(Errno errno) {
        return new Rejected(errno, null);
    }

    static Decision reject(Errno errno, String message) {
        return new Rejected(errno, message);
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
