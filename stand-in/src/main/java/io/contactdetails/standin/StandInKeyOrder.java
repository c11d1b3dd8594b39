package io.contactdetails.standin;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of the stand-in's index keys as H2 has always kept them, found without serializing the keys.
 * mongo-java-server's H2 backend keeps each unique index (here only the {@code _id} ones) as an H2 map from key
 * to the document's position, and H2 orders keys of a class it does not know (mongo-java-server's KeyValue) by
 * the bytes of their Java serialization: each step of each index lookup serialized two keys, a quarter of the
 * stand-in's CPU under creates. For keys of one ASCII string each, as the read models' {@code _id}s are, those
 * bytes first differ at the string's length and then at its characters (a string too long for a two-byte
 * length has a tag that sorts after, then an eight-byte length: the same order), so those are compared
 * instead; any other key, such as a token's ObjectId, is compared as before. The order is the same, so a file
 * written before is read as it was.
 */
final class StandInKeyOrder extends ObjectDataType {
    @Override
    public int compare(Object a, Object b) {
        String first = asciiString(a);
        String second = first == null ? null : asciiString(b);
        if (second == null) {
            return super.compare(a, b);
        }
        int byLength = Integer.compare(first.length(), second.length());
        return byLength != 0 ? byLength : Integer.signum(first.compareTo(second));
    }

    /** The key's one value when it is a string of ASCII characters other than NUL, serialized a byte each. */
    private static String asciiString(Object key) {
        if (!(key instanceof KeyValue keyValue) || keyValue.size() != 1 || !(keyValue.get(0) instanceof String value)) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 127) {
                return null;
            }
        }
        return value;
    }
}
