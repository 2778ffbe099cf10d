/** How long a password may be (SPEC §4: at least 12 characters); the sign-in form and the API share it. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for a passphrase; short enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 256;
