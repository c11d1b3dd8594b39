package io.contactdetails.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The version of something built from several event streams: a digest of each stream's id and last sequence
 * number. It changes whenever any of those streams gains an event, so it is a strong validator of whatever
 * is rendered from exactly those streams (RFC 9110 ETag), and the write side can compute it from the
 * aggregates it holds to refuse a change made against a stale read.
 */
public final class VersionTag {
    /**
     * Every read of an account or a contact detail computes a tag; looking SHA-256 up among the security
     * providers for each was most of a tag's cost (2.4 % of a read's CPU, BENCHMARKS.md twenty-first round).
     * A digest resets itself when it gives its result, so each request thread keeps one.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private VersionTag() {
    }

    /** {@code versions}: stream id to its last sequence number; the order does not matter. */
    public static String of(Map<String, Long> versions) {
        String[] streams = versions.keySet().toArray(String[]::new);
        Arrays.sort(streams);
        StringBuilder digested = new StringBuilder(streams.length * 44);
        for (String stream : streams) {
            digested.append(stream).append(':').append(versions.get(stream)).append(';');
        }
        byte[] digest = SHA_256.get().digest(digested.toString().getBytes(StandardCharsets.UTF_8));
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
    }
}
