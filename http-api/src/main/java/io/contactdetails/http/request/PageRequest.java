package io.contactdetails.http.request;

/** Which page of a list the client asked for, bounded as Plannr bounds it. */
public record PageRequest(int page, int perPage) {
    public static final int DEFAULT_PER_PAGE = 15;
    public static final int MAX_PER_PAGE = 500;
    static final int MAX_PAGE = 1_000_000;

    public int offset() {
        return (page - 1) * perPage;
    }
}
