package io.contactdetails.command.contactdetail;

import io.contactdetails.command.DomainRejection;
import io.contactdetails.command.account.Account.OwnershipRefusal;

import java.util.Map;

/** Some of the requested owners may not own the new contact detail, keyed by their position in the command. */
public class OwnersRefused extends DomainRejection {
    private final Map<Integer, OwnershipRefusal> refusals;

    public OwnersRefused(Map<Integer, OwnershipRefusal> refusals) {
        super("Owners refused: " + refusals);
        this.refusals = Map.copyOf(refusals);
    }

    public Map<Integer, OwnershipRefusal> refusals() {
        return refusals;
    }
}
