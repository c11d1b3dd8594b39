package io.contactdetails.standin;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

import java.util.HashMap;

/**
 * The stand-in's file, with each commit's write buffer sized by the last chunk written. H2 serializes a commit's
 * changed pages into one buffer that starts at 1 MB and grows by half again each time it fills, and keeps for the
 * next commit only buffers of up to 4 MB. A replay's commits on the stand-in write tens of megabytes each (every page
 * a batch changed, whole), so each allocated and copied a chain of buffers about four times its size, which then went
 * to the garbage collector. A commit after one larger than H2 keeps starts with a buffer that size and a quarter
 * instead (once more for the first small commit after a replay); after smaller ones, H2's kept buffer serves.
 */
public final class StandInFileStore extends SingleFileStore {
    /** The largest buffer H2 keeps for the next commit (its FileStore#releaseWriteBuffer and WriteBuffer#clear). */
    private static final int KEPT_BY_H2 = 4 * 1024 * 1024;

    /** The bytes of the last chunk written. */
    private volatile int lastChunk;

    private StandInFileStore() {
        super(new HashMap<>());
    }

    /**
     * A store on {@code fileName}, opened for writing, with this file store (the standalone's stand-in and the
     * benchmark tool's). Settings H2 gives its file store (its page cache's {@code cacheSize}) stay H2's defaults:
     * the builder's do not reach a file store it adopts.
     */
    public static MVStore.Builder builder(String fileName) {
        StandInFileStore store = new StandInFileStore();
        store.open(fileName, false, null);
        return new MVStore.Builder().adoptFileStore(store);
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        int size = lastChunk;
        // a quarter more: a chunk a byte larger than the last would otherwise grow the buffer by half, copying it
        return size > KEPT_BY_H2 ? new WriteBuffer((int) Math.min(Integer.MAX_VALUE - 8, size + (long) size / 4))
                : super.getWriteBuffer();
    }

    /** Called once the chunk in {@code buffer} is written; its limit is then the chunk's length. */
    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        lastChunk = buffer.limit();
        super.releaseWriteBuffer(buffer);
    }
}
