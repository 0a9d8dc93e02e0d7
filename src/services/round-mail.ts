/**
 * Sending round e-mail through SMTP with nodemailer, configured by environment variables and off
 * when STYRKORT_SMTP_HOST is unset (the in-app notices go either way):
 * STYRKORT_SMTP_HOST, STYRKORT_SMTP_PORT (default 587, or 465 with STYRKORT_SMTP_SECURE=1),
 * STYRKORT_SMTP_SECURE (1: TLS from the start), STYRKORT_SMTP_USER and STYRKORT_SMTP_PASSWORD
 * (when the server wants a login), STYRKORT_SMTP_FROM (the sender), STYRKORT_PUBLIC_URL (the
 * address links in messages start with).
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** The SMTP settings the environment gives, or null when mail is off. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const host = env.STYRKORT_SMTP_HOST?.trim();
  if (!host) return null;
  const secure = env.STYRKORT_SMTP_SECURE === '1';
  const port = Number(env.STYRKORT_SMTP_PORT || (secure ? 465 : 587));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`STYRKORT_SMTP_PORT ska vara ett portnummer (inte "${env.STYRKORT_SMTP_PORT}")`);
  return { host, port, secure, user: env.STYRKORT_SMTP_USER || undefined, password: env.STYRKORT_SMTP_PASSWORD || undefined, from: env.STYRKORT_SMTP_FROM || 'Styrkort <styrkort@localhost>' };
}

/** A mailer over SMTP with the given settings. */
export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** The mailer the environment configures, or null when mail is off. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const settings = mailSettingsFromEnv(env);
  return settings ? createMailer(settings) : null;
}

/** Where links in messages point: STYRKORT_PUBLIC_URL without a trailing slash, else the fallback. */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env, fallback = 'http://localhost:3000'): string {
  return (env.STYRKORT_PUBLIC_URL?.trim() || fallback).replace(/\/+$/, '');
}
