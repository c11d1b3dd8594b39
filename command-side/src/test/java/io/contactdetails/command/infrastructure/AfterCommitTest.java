package io.contactdetails.command.infrastructure;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AfterCommitTest {
    private final List<String> done = new ArrayList<>();
    private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactions());

    @Test
    void outsideATransactionItHappensAtOnce() {
        AfterCommit.run(() -> done.add("now"));

        assertThat(done).containsExactly("now");
    }

    @Test
    void insideATransactionItWaitsForTheCommit() {
        transactions.executeWithoutResult(transaction -> {
            AfterCommit.run(() -> done.add("committed"));
            assertThat(done).isEmpty();
        });

        assertThat(done).containsExactly("committed");
    }

    @Test
    void aTransactionThatRollsBackLeavesItUndone() {
        transactions.executeWithoutResult(transaction -> {
            AfterCommit.run(() -> done.add("committed"));
            transaction.setRollbackOnly();
        });

        assertThat(done).isEmpty();
    }

    /** Spring's transaction lifecycle and synchronizations, over no resource. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
