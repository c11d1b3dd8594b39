package io.contactdetails.command.infrastructure;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's cache on Caffeine, holding at most a given number of entries and evicting the least useful first.
 * Axon's own in-memory cache (WeakReferenceCache) has no bound but the garbage collector, which empties it at
 * the collections a busy service runs every few seconds.
 */
final class BoundedCache implements Cache {
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    BoundedCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** The repositories that use this cache never listen to it; Axon's own caches refuse what they lack alike. */
    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        throw new UnsupportedOperationException("This cache tells no listeners of its entries");
    }
}
