package io.contactdetails.command.infrastructure;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What may only happen once a write is in the store for good: it waits for the current Spring transaction (a
 * command's unit of work, or the one a request with an Idempotency-Key runs in) to commit, and never happens if
 * that rolls back. Outside a transaction there is nothing to wait for.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
