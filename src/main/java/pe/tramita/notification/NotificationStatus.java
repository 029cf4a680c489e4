package pe.tramita.notification;

/** Where a message stands: waiting, being handed to the server now, handed over, to be tried again, given up. */
public enum NotificationStatus {

	PENDIENTE, ENVIANDO, ENVIADO, REINTENTANDO, FALLIDO

}
