package io.contactdetails.standin;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Values as an H2 data type writes them into a page, for the tests of the stand-in's types. */
final class H2Bytes {
    private H2Bytes() {
    }

    /** The bytes {@code type} writes for {@code values}, one after the other, ready to be read back. */
    static ByteBuffer written(ObjectDataType type, Object... values) {
        WriteBuffer buffer = new WriteBuffer();
        Arrays.stream(values).forEach(value -> type.write(buffer, value));
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
