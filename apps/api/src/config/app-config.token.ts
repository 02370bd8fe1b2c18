/** Injection token for the loaded AppConfig. */
export const APP_CONFIG = Symbol('AppConfig');
