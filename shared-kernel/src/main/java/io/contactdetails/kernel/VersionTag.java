package io.contactdetails.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version of something built from several event streams: a digest of each stream's id and last sequence
 * number. It changes whenever any of those streams gains an event, so it is a strong validator of whatever
 * is rendered from exactly those streams (RFC 9110 ETag), and the write side can compute it from the
 * aggregates it holds to refuse a change made against a stale read.
 */
public final class VersionTag {
    private VersionTag() {
    }

    /** {@code versions}: stream id to its last sequence number; the order does not matter. */
    public static String of(Map<String, Long> versions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(versions).forEach((stream, version) ->
                    digest.update((stream + ':' + version + ';').getBytes(StandardCharsets.UTF_8)));
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
