/**
 * A reason the process must not start even though every key is valid (exit code 78, EX_CONFIG):
 * a server nobody could log in to, or one anybody could drive. The message is printed as it is.
 */
export class StartupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupRefusal';
  }
}
