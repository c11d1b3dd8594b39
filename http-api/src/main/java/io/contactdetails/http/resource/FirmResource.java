package io.contactdetails.http.resource;

/** The answer to creating a firm: the firm and the employee account that can act in it. */
public record FirmResource(String uuid, String name, AccountResource account) {
}
