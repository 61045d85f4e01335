import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSession } from '../session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { LanguageSwitch } from '../components/Shell.tsx';

export default function Login() {
  const { signIn } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // demo mode: every demo user with their roles (404, and no hint, outside demo mode)
  const demo = useQuery({ queryKey: ['demo-users'], queryFn: () => unwrap(api.GET('/api/v1/demo/users')), retry: false, staleTime: Number.POSITIVE_INFINITY });
  useEffect(() => {
    document.title = `${t('login.title')} — ${t('appName')}`;
  }, [t]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errorGeneric'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="center">
              <div>
                <Title order={1} size="h2">
                  {t('appName')}
                </Title>
                <Text c="gray.8" size="sm">
                  {t('appTagline')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            <Title order={2} size="h4">
              {t('login.title')}
            </Title>
            {error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {error}
              </Alert>
            )}
            <TextInput label={t('login.login')} value={login} onChange={(e) => setLogin(e.currentTarget.value)} required autoComplete="username" autoFocus name="login" />
            <PasswordInput label={t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="current-password" name="password" />
            <Button type="submit" loading={busy} disabled={!login || !password}>
              {t('login.submit')}
            </Button>
            {(demo.data?.items.length ?? 0) > 0 && (
              <Stack gap={2} data-testid="demo-users">
                <Text size="xs" c="gray.8">
                  {t('login.demo')}
                </Text>
                {demo.data!.items.map((u) => (
                  <Text key={u.login} size="xs" c="gray.8">
                    <Text span ff="monospace" size="xs" fw={600}>
                      {u.login}
                    </Text>{' '}
                    — {u.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
