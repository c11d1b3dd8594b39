package io.contactdetails.standin;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The stand-in's index keys as H2 has always ordered them, compared and stored without Java serialization.
 * mongo-java-server's H2 backend keeps each unique index (here only the {@code _id} ones) as an H2 map from key
 * to the document's position, and H2 handles keys of a class it does not know (mongo-java-server's KeyValue) by
 * Java-serializing them.
 * <p>
 * Order: H2 orders such keys by the bytes of their Java serialization, so each step of each index lookup
 * serialized two keys, a quarter of the stand-in's CPU under creates. For keys of one ASCII string each, as the
 * read models' {@code _id}s are, those bytes first differ at the string's length and then at its characters (a
 * string too long for a two-byte length has a tag that sorts after, then an eight-byte length: the same order), so
 * those are compared instead; any other key, such as a token's ObjectId, is compared as before.
 * <p>
 * Storage: a key of one string is written as a tag H2 does not use followed by the string as H2 writes one. An
 * index page read from the file (a replay of a million events reads them all, more than H2's cache holds)
 * deserialized each of its keys, class descriptors and all: a fifth of the stand-in's CPU in such a replay.
 * <p>
 * A file written before reads as it was: the order is the same, and a key H2 serialized is read by H2. A file
 * written now holds keys only this type reads (see the README on going back to an earlier version).
 */
final class StandInKeys extends ObjectDataType {
    /** A tag among those ObjectDataType leaves unused (it uses 0-19, 32-49 and 64-119; the documents use 20). */
    static final byte ONE_STRING = 21;
    /**
     * H2's page cache weighs a key by this guess at its size in memory: the KeyValue, its list and array, and the
     * string's object and bytes. H2 keeps its own guess for serialized objects only from those it serializes.
     */
    private static final int MEMORY_BESIDES_CHARACTERS = 112;

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

    @Override
    public void write(WriteBuffer buff, Object value) {
        String key = oneString(value);
        if (key == null) {
            super.write(buff, value);
            return;
        }
        buff.put(ONE_STRING).putVarInt(key.length()).putStringData(key, key.length());
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != ONE_STRING) {
            return super.read(buff);
        }
        buff.get();
        return new KeyValue(DataUtils.readString(buff));
    }

    @Override
    public int getMemory(Object value) {
        String key = oneString(value);
        return key == null ? super.getMemory(value) : MEMORY_BESIDES_CHARACTERS + key.length();
    }

    /** The key's one value when it is a string. */
    private static String oneString(Object key) {
        return key instanceof KeyValue keyValue && keyValue.size() == 1 && keyValue.get(0) instanceof String value
                ? value : null;
    }

    /** The key's one value when it is a string of ASCII characters other than NUL, serialized a byte each. */
    private static String asciiString(Object key) {
        String value = oneString(key);
        if (value == null) {
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
