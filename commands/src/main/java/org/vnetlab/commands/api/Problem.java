package org.vnetlab.commands.api;

/** An RFC 9457 problem: thrown by handlers, written as {@code application/problem+json}. */
public final class Problem extends RuntimeException {
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public static Problem tooLarge(long limit) {
        return new Problem(413, "Content Too Large", "the request body exceeds " + limit + " bytes");
    }
}
