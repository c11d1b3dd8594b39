package io.contactdetails.query.infrastructure;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Work that reads what a processor batch wrote: it runs once the batch's documents are written in every
 * {@link BatchedCollection}, and before Axon stores the batch's token, so a batch run again after a crash runs it
 * again. It is given the last value added under each key in the batch; outside a batch (a test, the verifier), each
 * value at once.
 *
 * @param <V> what a handler hands the work
 */
public final class AfterBatchWrites<V> {
    private static final String BATCH_RESOURCE = AfterBatchWrites.class.getName();

    private final Consumer<Collection<V>> work;

    public AfterBatchWrites(Consumer<Collection<V>> work) {
        this.work = work;
    }

    public void add(String key, V value) {
        BatchingUnitOfWork<?> batch = BatchedCollection.currentBatch();
        if (batch == null) {
            work.accept(List.of(value));
            return;
        }
        Map<AfterBatchWrites<?>, Map<String, Object>> pending = batch.getOrComputeResource(BATCH_RESOURCE,
                resource -> new LinkedHashMap<>());
        pending.computeIfAbsent(this, self -> new LinkedHashMap<>()).put(key, value);
    }

    /** The value added under {@code key} in the current batch; null outside one, or when none was. */
    @SuppressWarnings("unchecked")
    public V added(String key) {
        BatchingUnitOfWork<?> batch = BatchedCollection.currentBatch();
        Map<AfterBatchWrites<?>, Map<String, Object>> pending = batch == null ? null : batch.getResource(BATCH_RESOURCE);
        Map<String, Object> values = pending == null ? null : pending.get(this);
        return values == null ? null : (V) values.get(key);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void run(UnitOfWork<?> unitOfWork) {
        Map<AfterBatchWrites<?>, Map<String, Object>> pending = unitOfWork.root().getResource(BATCH_RESOURCE);
        if (pending != null) {
            pending.forEach((writes, values) -> ((AfterBatchWrites) writes).work.accept(values.values()));
            pending.clear();
        }
    }
}
