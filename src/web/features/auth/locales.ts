import type { Messages } from '../../i18n/messages.ts';

export const en = {
  signIn: {
    title: 'Sign in',
    description: 'Sign in to file, follow your orders and read your messages.',
    email: 'E-mail address',
    password: 'Password',
    rememberMe: 'Keep me signed in on this device',
    submit: 'Sign in',
    noAccount: 'No account yet?',
    createAccount: 'Create one',
  },
  signUp: {
    title: 'Create an account',
    description:
      'An account lets you file for yourself or your company and follow every step. Agents and providers are added to their organisation by an administrator.',
    name: 'Your name',
    nameHint: 'As you want reviewers to see it; the names on the filing are entered in the order.',
    email: 'E-mail address',
    password: 'Password',
    passwordHint: 'At least 8 characters.',
    passwordTooShort: 'Use at least 8 characters.',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    signIn: 'Sign in',
  },
  twoFactor: {
    title: 'Two-step verification',
    description: 'Your password was right. Enter the 6-digit code your authenticator app shows now.',
    code: 'Authentication code',
    backupCode: 'Backup code',
    trustDevice: 'Don’t ask again on this browser for 30 days',
    verify: 'Verify',
    useBackup: 'Use a backup code instead',
    useApp: 'Use the authenticator app instead',
    startOver: 'Sign in with another account',
  },
  validation: {
    required: 'Required.',
    email: 'Enter an e-mail address like name@example.com.',
    code: 'Enter the six digits.',
  },
};

export const zh: Messages<typeof en> = {
  signIn: {
    title: '登录',
    description: '登录后即可提交备案、跟进订单进度和查看消息。',
    email: '电子邮箱',
    password: '密码',
    rememberMe: '在此设备上保持登录',
    submit: '登录',
    noAccount: '还没有账户？',
    createAccount: '立即注册',
  },
  signUp: {
    title: '注册账户',
    description:
      '注册后即可为本人或本单位办理备案，并跟进每一步进度。代理机构和接入商账户由管理员加入所属机构。',
    name: '您的姓名',
    nameHint: '审核人员看到的称呼；备案中的主体负责人等信息在订单中填写。',
    email: '电子邮箱',
    password: '密码',
    passwordHint: '至少 8 个字符。',
    passwordTooShort: '密码至少需要 8 个字符。',
    submit: '注册',
    haveAccount: '已有账户？',
    signIn: '登录',
  },
  twoFactor: {
    title: '两步验证',
    description: '密码正确。请输入身份验证器应用当前显示的 6 位验证码。',
    code: '验证码',
    backupCode: '备用码',
    trustDevice: '30 天内在此浏览器上不再询问',
    verify: '验证',
    useBackup: '改用备用码',
    useApp: '改用身份验证器应用',
    startOver: '使用其他账户登录',
  },
  validation: {
    required: '必填。',
    email: '请输入有效的电子邮箱，例如 name@example.com。',
    code: '请输入 6 位数字。',
  },
};
