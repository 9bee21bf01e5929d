import { issue } from '../shared/issue.ts';
import type { PersonFacts } from './check-person.ts';
import type { ContentContext } from './content-context.ts';

const SOURCE = 'ref-4-people';

/**
 * The contact rules of reference §4.4 across the people of an order (the entity leader and each service
 * admin): everyone's emergency phone differs from their own mobile and from every other person's
 * mobile; different people have different mobiles and e-mail addresses (an admin who is not the leader
 * must not give the leader's); and one person appearing twice keeps the same contact details.
 * Each issue is reported on the later of the two fields, where the applicant is likely to fix it.
 */
export function checkContacts(context: ContentContext, people: readonly PersonFacts[]): void {
  const { issues } = context;
  for (const [index, person] of people.entries()) {
    const earlier = people.slice(0, index);
    const others = people.filter((other) => other !== person && other.identity !== person.identity);
    if (person.mobile !== undefined && person.mobile === person.emergencyPhone) {
      issues.error(
        [...person.path, 'emergencyPhone'],
        issue(
          'emergency_phone_same_as_mobile',
          'The emergency phone must differ from the person’s own mobile number.',
          '应急联系电话不能与本人手机号码相同。',
          { source: SOURCE },
        ),
      );
    } else if (
      person.emergencyPhone !== undefined &&
      others.some((other) => other.mobile !== undefined && other.mobile === person.emergencyPhone)
    ) {
      issues.error(
        [...person.path, 'emergencyPhone'],
        issue(
          'emergency_phone_is_contact_mobile',
          'The emergency phone must not be the mobile number of the entity leader or a service admin; give a third person’s number.',
          '应急联系电话不能是主体负责人或网站负责人的手机号码，请填写第三人的电话。',
          { source: SOURCE },
        ),
      );
    }
    for (const other of earlier) {
      const isSamePerson = other.identity === person.identity;
      if (person.mobile !== undefined && other.mobile !== undefined) {
        if (!isSamePerson && person.mobile === other.mobile) {
          issues.error(
            [...person.path, 'mobile'],
            issue(
              'mobile_shared_with_other_person',
              'Different people must give different mobile numbers; this one is already given for another person in the order.',
              '不同人员须使用不同的手机号码；该号码已被本订单中的其他人员使用。',
              { source: SOURCE },
            ),
          );
        } else if (isSamePerson && person.mobile !== other.mobile) {
          issues.error(
            [...person.path, 'mobile'],
            issue(
              'person_contact_inconsistent',
              'The same person must keep the same mobile number throughout the order.',
              '同一人员在订单中须使用相同的手机号码。',
              { source: SOURCE, params: { field: 'mobile' } },
            ),
          );
        }
      }
      if (person.email !== undefined && other.email !== undefined) {
        if (!isSamePerson && person.email === other.email) {
          issues.error(
            [...person.path, 'email'],
            issue(
              'email_shared_with_other_person',
              'Different people must give different e-mail addresses; this one is already given for another person in the order.',
              '不同人员须使用不同的电子邮箱；该邮箱已被本订单中的其他人员使用。',
              { source: SOURCE },
            ),
          );
        } else if (isSamePerson && person.email !== other.email) {
          issues.error(
            [...person.path, 'email'],
            issue(
              'person_contact_inconsistent',
              'The same person must keep the same e-mail address throughout the order.',
              '同一人员在订单中须使用相同的电子邮箱。',
              { source: SOURCE, params: { field: 'email' } },
            ),
          );
        }
      }
    }
  }
}
