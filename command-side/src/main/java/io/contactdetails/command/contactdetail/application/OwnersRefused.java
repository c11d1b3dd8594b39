package io.contactdetails.command.contactdetail.application;

import io.contactdetails.command.DomainRejection;
import io.contactdetails.command.account.model.OwnershipRefusal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Some of the requested owners may not own the new contact detail, keyed by their position in the command. */
public class OwnersRefused extends DomainRejection {
    private final Map<Integer, OwnershipRefusal> refusals;

    public OwnersRefused(Map<Integer, OwnershipRefusal> refusals) {
        super("Owners refused: " + refusals);
        this.refusals = Collections.unmodifiableSortedMap(new TreeMap<>(refusals));
    }

    public Map<Integer, OwnershipRefusal> refusals() {
        return refusals;
    }
}
