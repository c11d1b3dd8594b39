package io.contactdetails.kernel;

import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.ContactDetailId;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids the service mints land beside the newest keys of an index, not on a random page of it. */
class TimeOrderedIdsTest {
    @Test
    void idsMadeLaterSortAfterInTheirTextForm() throws InterruptedException {
        List<Supplier<String>> minted = List.of(() -> FirmId.random().toString(), () -> AccountId.random().toString(),
                () -> ContactDetailId.random().toString());
        List<String> inOrder = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (Supplier<String> id : minted) {
                inOrder.add(id.get());
                Thread.sleep(2); // ids sort by their millisecond; within one they are in no order
            }
        }

        assertThat(inOrder).isSorted();
    }

    @Test
    void areVersionSevenUuidsEachOfThemNew() {
        List<UUID> ids = Stream.generate(TimeOrderedIds::next).limit(10_000).toList();

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }
}
