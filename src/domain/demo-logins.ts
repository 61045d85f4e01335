// The demo users' logins (password "demo"), one for each role and one for each side of a correction
// petition (issue 10, item 6): the unit head files the organization's petitions that the head decides.
// Pure data, so the login screen's hint lists exactly these (web/src/pages/Login.tsx).
export const DEMO_LOGINS = ['registrar', 'executor', 'head', 'unithead', 'reception', 'operator', 'controller', 'statistician', 'admin'] as const;

export type DemoLogin = (typeof DEMO_LOGINS)[number];
