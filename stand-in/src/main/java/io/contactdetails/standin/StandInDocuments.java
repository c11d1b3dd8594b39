package io.contactdetails.standin;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The stand-in's documents as H2 stores them: in BSON, as mongo-java-server reads and writes them on the wire.
 * H2 stores a value of a class it does not know (mongo-java-server's Document) by Java-serializing it, class
 * descriptors and all, and reads each page of a collection back by deserializing every document on it: a
 * quarter of the CPU of a replay of the read models on the standalone. A document is written here as a tag
 * H2 does not use followed by its BSON; anything else, and any value written before (tagged by H2 as a
 * serialized object), is left to H2, so a file written before is read as it was.
 */
final class StandInDocuments extends ObjectDataType {
    /** A tag among those ObjectDataType leaves unused (it uses 0-19, 32-49 and 64-119; the keys use 21). */
    static final byte BSON_DOCUMENT = 20;
    /** A read-model detail of 321 bytes of BSON took 1,616 on the heap decoded (H2 guessed 1,418 from Java's 709). */
    private static final int MEMORY_PER_BSON_BYTE = 5;

    /**
     * H2's page cache weighs a value by this guess at its size in memory, kept from the documents seen. H2 keeps its
     * own guess for serialized objects only from those it serializes, which documents no longer are.
     */
    private volatile int averageMemory = 1_024;

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document document)) {
            super.write(buff, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            // H2 writes pages in the store's background, where a failure would stop the store: keep it as before
            super.write(buff, value);
            return;
        }
        if (bson.readableBytes() > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            // the decoder refuses what MongoDB would: a page holding it could not be read back
            super.write(buff, value);
            return;
        }
        seen(bson.readableBytes());
        buff.put(BSON_DOCUMENT);
        buff.put(bson.nioBuffer());
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_DOCUMENT) {
            return super.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        seen(bson.readerIndex());
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : super.getMemory(value);
    }

    /** Averaged as H2 averages its guesses. */
    private void seen(int length) {
        averageMemory = (averageMemory * 15 + MEMORY_PER_BSON_BYTE * length) / 16;
    }
}
