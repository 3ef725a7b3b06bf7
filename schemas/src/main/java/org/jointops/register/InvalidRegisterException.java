package org.jointops.register;

/**
 * A record of the register topic that is not a register document.
 */
public class InvalidRegisterException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 */
	public InvalidRegisterException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 * @param cause the cause
	 */
	public InvalidRegisterException(String message, Throwable cause) {
		super(message, cause);
	}

}
