// Messages of the registration numbers leased across instances (src/exports/numbers.ts), merged
// into src/http/messages.ts. {name} is a parameter.
import type { Labels } from '../domain/vocabulary.ts';

const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

export const NUMBERING_MESSAGES: Record<string, Labels> = {
  'registration.noLeasedNumbers': L(
    '{year} жылдың тіркеу нөмірлері таусылды, ал құқықтық статистика органы жаңа блок бермеді: кейінірек қайталаңыз немесе әкімшіге хабарлаңыз',
    'Регистрационные номера {year} года закончились, а орган правовой статистики не выдал новый блок: повторите позже или сообщите администратору',
    'The registration numbers of {year} have run out and the statistics authority has not leased a new block: try again later or tell the administrator',
  ),
  'numbers.url': L('URL http:// немесе https:// басталуы керек', 'URL должен начинаться с http:// или https://', 'The URL must start with http:// or https://'),
  'numbers.standalone': L('Бұл инстанция нөмірлерді өзі береді: блок сұралмайды', 'Этот экземпляр нумерует сам: блоки не запрашиваются', 'This instance numbers on its own: it asks for no blocks'),
  'numbers.leaseFailed': L(
    'Құқықтық статистика органы нөмірлер блогын бермеді (HTTP {status} {code})',
    'Орган правовой статистики не выдал блок номеров (HTTP {status} {code})',
    'The statistics authority did not lease a block of numbers (HTTP {status} {code})',
  ),
  'numbers.notAuthority': L('Бұл инстанция нөмірлер блоктарын бермейді', 'Этот экземпляр не выдает блоки номеров', 'This instance leases no blocks of numbers'),
  'numbers.yearExhausted': L('{year} жылдың нөмірлері таусылды', 'Номера {year} года исчерпаны', 'The numbers of {year} are exhausted'),
  'numbers.requestUnreadable': L('Нөмірлер блогына сұрау оқылмайды', 'Запрос блока номеров не читается', 'The request for a block of numbers cannot be read'),
  'numbers.requestStale': L(
    'Сұрау уақыты сервер уақытынан 10 минуттан астам ерекшеленеді',
    'Время запроса отличается от времени сервера больше чем на 10 минут',
    'The time of the request is more than 10 minutes off the server time',
  ),
  'numbers.year': L('{year} жылға блок берілмейді', 'Блок на {year} год не выдается', 'No block is leased for the year {year}'),
  'numbers.unreadable': L('«{number}» тіркеу нөмірі емес', '«{number}» не регистрационный номер', '"{number}" is not a registration number'),
  'numbers.outsideLease': L(
    '{number} нөмірі {instanceId} инстанциясына берілген блоктардан тыс',
    'Номер {number} вне блоков, выданных экземпляру {instanceId}',
    'The number {number} is outside the blocks leased to the instance {instanceId}',
  ),
  'numbers.collision': L('{number} нөмірі басқа карточкада бар', 'Номер {number} уже есть у другой карточки', 'The number {number} is already another card’s'),
};
