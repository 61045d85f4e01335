// The contact centre's requests and shapes (the typed client, src/api/client.ts).
import { api, unwrap, type paths } from '../../api/client.ts';

export type Contact = paths['/api/v1/contact-centre/contacts/{id}']['get']['responses']['200']['content']['application/json'];
export type Card = paths['/api/v1/contact-centre/knowledge-cards']['get']['responses']['200']['content']['application/json']['items'][number];
export type CloseBody = paths['/api/v1/contact-centre/contacts/{id}/close']['post']['requestBody']['content']['application/json'];
export type Closed = paths['/api/v1/contact-centre/contacts/{id}/close']['post']['responses']['200']['content']['application/json'];
export type Channel = paths['/api/v1/contact-centre/contacts']['post']['requestBody']['content']['application/json']['channel'];

export const contactKeys = {
  contact: (id: string) => ['contact-centre', 'contact', id] as const,
  cards: (q: string) => ['contact-centre', 'cards', q] as const,
};

export const getContact = (id: string) => unwrap(api.GET('/api/v1/contact-centre/contacts/{id}', { params: { path: { id } } }));
export const searchCards = (q: string) => unwrap(api.GET('/api/v1/contact-centre/knowledge-cards', { params: { query: { q: q || undefined } } }));
export const openContact = (channel: Channel, callerPhone: string) => unwrap(api.POST('/api/v1/contact-centre/contacts', { body: { channel, ...(callerPhone.trim() ? { callerPhone: callerPhone.trim() } : {}) } }));
export const closeContact = (id: string, body: CloseBody) => unwrap(api.POST('/api/v1/contact-centre/contacts/{id}/close', { params: { path: { id } }, body }));
export const suggestOrganization = (territory: number, issueCategory: string | undefined) => unwrap(api.GET('/api/v1/contact-centre/competent-organization', { params: { query: { territory, issueCategory } } }));

export type Figures = paths['/api/v1/contact-centre/reports/figures']['get']['responses']['200']['content']['application/json'];
export const getFigures = (month: string) => unwrap(api.GET('/api/v1/contact-centre/reports/figures', { params: { query: { month } } }));
export const getAnnex2 = (month: string) => unwrap(api.GET('/api/v1/contact-centre/reports/annex2', { params: { query: { month } } }));
export const getAllCards = (overdue: boolean) => unwrap(api.GET('/api/v1/contact-centre/knowledge-cards', { params: { query: { overdue } } }));
export const getChats = () => unwrap(api.GET('/api/v1/contact-centre/chats'));
