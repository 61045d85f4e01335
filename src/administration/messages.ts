// The messages of administration in Kazakh, Russian and English (src/http/messages.ts joins them).
export const ADMINISTRATION_MESSAGES: Record<string, Record<'kk' | 'ru' | 'en', string>> = {
  'auth.passwordChangeRequired': {
    kk: 'Әкімші берген уақытша құпиясөзді алдымен ауыстырыңыз',
    ru: 'Сначала смените временный пароль, выданный администратором',
    en: 'First change the temporary password the administrator gave you',
  },
  'administration.loginTaken': { kk: '«{login}» логині бос емес', ru: 'Логин «{login}» уже занят', en: 'The login "{login}" is taken' },
  'administration.codeTaken': { kk: '«{code}» коды бос емес', ru: 'Код «{code}» уже занят', en: 'The code "{code}" is taken' },
  'administration.roleNotAtOrganization': {
    kk: '«{role}» рөлі бұл ұйымда берілмейді',
    ru: 'Роль «{role}» в этой организации не назначается',
    en: 'The role "{role}" is not given at this organization',
  },
  'administration.selfLockout': {
    kk: 'Әкімші өзін өшіре алмайды және өзінен әкімші рөлін ала алмайды',
    ru: 'Администратор не может отключить себя или снять с себя роль администратора',
    en: 'An administrator cannot deactivate themself or take away their own administrator role',
  },
};
